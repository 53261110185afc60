// swift-tools-version: 6.1
import PackageDescription

/// Strict Swift 6 in every target of ours.
let strictSwift: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "csec-trainer",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "csec-trainer", targets: ["csec-trainer"]),
        .executable(name: "csec-benchmarks", targets: ["csec-benchmarks"]),
        .library(name: "ProtocolEngine", targets: ["ProtocolEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: Pure core: no files, terminals or clocks.
        .target(
            name: "ProtocolEngine",
            swiftSettings: strictSwift
        ),

        .target(
            name: "ScenarioEngine",
            dependencies: ["ProtocolEngine"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Scoring",
            dependencies: ["ScenarioEngine"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Training",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Scoring"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "GroupSessions",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Scoring", "Training"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Records",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Scoring"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Briefing",
            dependencies: ["ProtocolEngine"],
            swiftSettings: strictSwift
        ),
        .target(name: "ItemAnalysis", dependencies: ["ProtocolEngine", "ScenarioEngine", "Records"], swiftSettings: strictSwift),
        .target(name: "Charts", swiftSettings: strictSwift),
        // Pure core: xAPI statements from completion records.
        .target(
            name: "XAPI",
            dependencies: ["Records", "ScenarioEngine", "ProtocolEngine", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSwift
        ),
        // Question banks for other tools (Moodle XML, GIFT, QTI 2.1), from the engine's questions.
        .target(
            name: "QuestionBanks", dependencies: ["ProtocolEngine", "ScenarioEngine", "ZipArchives", "XMLWriting"],
            swiftSettings: strictSwift),
        // XML text escaped as the question banks and the LMS packages write it.
        .target(name: "XMLWriting", swiftSettings: strictSwift),
        // Reproducible zips made in memory (fixed entry dates), for LMS packages and QTI packages.
        .target(
            name: "ZipArchives", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSwift),
        // Packages an LMS imports (SCORM 1.2, cmi5): the player's content and manifests, zipped in memory.
        .target(
            name: "LMSPackages",
            dependencies: [
                "ProtocolEngine", "ScenarioEngine", "Scoring", "Training", "Briefing", "ZipArchives", "XMLWriting",
            ],
            swiftSettings: strictSwift
        ),

        // MARK: Adapters
        .target(
            name: "ContentLoading",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Scoring", "Briefing", "CYAML"],
            swiftSettings: strictSwift
        ),
        .systemLibrary(
            name: "CYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "LocalStore",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Training", "Records", "GroupSessions", "RecordStore"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "SessionServer",
            dependencies: [
                "GroupSessions", "ScenarioEngine", "ProtocolEngine", "Training", "Briefing", "Records", "Scoring", "QRCodes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .systemLibrary(
            name: "CQRencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(
            name: "QRCodes",
            dependencies: ["CQRencode"],
            swiftSettings: strictSwift
        ),
        .target(
            name: "RecordStore",
            dependencies: ["Records", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Storage",
            dependencies: ["Records", "RecordStore", "ItemAnalysis", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSwift
        ),
        .target(
            name: "PostgresStorage",
            dependencies: [
                "Storage", "Records", "RecordStore", "Accounts", "ItemAnalysis",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Base64URLCoding",
            swiftSettings: strictSwift
        ),
        .target(
            name: "Accounts",
            dependencies: [
                "Records", "RecordStore", "Storage", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "OpenIDSignIn",
            dependencies: [
                "Base64URLCoding",
                .product(name: "JWTKit", package: "jwt-kit"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .target(
            name: "Certificates",
            dependencies: [
                "Base64URLCoding",
                "CCairo", "Briefing", "Records", "QRCodes",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "Verification",
            dependencies: ["Certificates", "RecordStore", "Records", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSwift
        ),
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(
            name: "TerminalUI",
            dependencies: ["ProtocolEngine", "ScenarioEngine", "Scoring", "Training", "Briefing", "Records", "CReadline"],
            swiftSettings: strictSwift
        ),

        // MARK: The application layer every front end calls
        .target(
            name: "Completion",
            dependencies: [
                "ProtocolEngine", "ScenarioEngine", "Scoring", "Training", "GroupSessions", "Records", "ContentLoading",
                "LocalStore", "RecordStore", "Storage", "Certificates", "Verification", "Briefing", "Accounts",
                "ItemAnalysis", "Charts", "LMSPackages", "QuestionBanks", "XAPI",
            ],
            swiftSettings: strictSwift
        ),
        // Adapter: xAPI statements over HTTP to a learning record store.
        .target(
            name: "LRSDelivery",
            dependencies: [
                "Completion", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),

        // MARK: The district server (issue 13): sign-in and self-paced training in the browser
        .target(
            name: "DistrictServer",
            dependencies: [
                "Completion", "Storage", "Accounts", "OpenIDSignIn", "SessionServer", "Records", "Training", "ScenarioEngine",
                "ProtocolEngine",
                "Scoring", "Briefing", "Certificates", "LocalStore", "RecordStore", "GroupSessions", "ContentLoading",
                "ItemAnalysis", "Charts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),

        // MARK: The thin executable
        .executableTarget(
            name: "csec-trainer",
            dependencies: [
                "ProtocolEngine", "ScenarioEngine", "Scoring", "Training", "ContentLoading", "LocalStore", "TerminalUI",
                "Records", "RecordStore", "Certificates", "GroupSessions", "SessionServer", "Briefing", "Completion", "Storage",
                "PostgresStorage", "Verification", "DistrictServer", "Accounts", "OpenIDSignIn", "ItemAnalysis", "Charts",
                "LMSPackages", "QuestionBanks", "XAPI", "LRSDelivery",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),

        // MARK: Benchmarks (figures, never timed unit tests)
        .executableTarget(
            name: "csec-benchmarks",
            dependencies: [
                "ProtocolEngine", "ScenarioEngine", "ContentLoading", "TestSupport", "Records", "RecordStore", "Storage",
                "PostgresStorage", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Benchmarks/CSecBenchmarks",
            swiftSettings: strictSwift
        ),

        // MARK: Tests
        .target(
            name: "TestSupport",
            dependencies: [
                "ProtocolEngine", "ScenarioEngine", "Scoring", "Training", "ContentLoading", "Records", "GroupSessions",
                "RecordStore", "Base64URLCoding", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: strictSwift
        ),
        .target(
            name: "BrowserTesting",
            dependencies: [
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/BrowserTesting",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ProtocolEngineTests",
            dependencies: ["ProtocolEngine", "ContentLoading", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ScenarioEngineTests",
            dependencies: ["ScenarioEngine", "ProtocolEngine", "ContentLoading", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ScoringTests",
            dependencies: ["Scoring", "ScenarioEngine", "ProtocolEngine", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "TrainingTests",
            dependencies: ["Training", "Scoring", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ContentLoadingTests",
            dependencies: ["ContentLoading", "ProtocolEngine", "ScenarioEngine", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ScenarioBankTests",
            dependencies: ["ContentLoading", "ScenarioEngine", "ProtocolEngine", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: [
                "TerminalUI", "Training", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "TestSupport", "Briefing",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "GroupSessionsTests",
            dependencies: [
                "GroupSessions", "Training", "Scoring", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "TestSupport",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "SessionServerTests",
            dependencies: [
                "SessionServer", "GroupSessions", "Training", "ScenarioEngine", "ContentLoading", "TestSupport", "Briefing",
                "Records", "Scoring",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BrowserTests",
            dependencies: [
                "BrowserTesting", "SessionServer", "GroupSessions", "ProtocolEngine", "ScenarioEngine", "Training", "TestSupport",
                "ContentLoading", "Records", "Scoring", "DistrictServer", "DistrictTestSupport", "Accounts",
                "Briefing", "RecordStore", "Storage", "OpenIDSignIn", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSwift
        ),
        .target(
            name: "DistrictTestSupport",
            dependencies: [
                "DistrictServer", "Accounts", "Completion", "Storage", "RecordStore", "LocalStore", "Records", "Training",
                "ProtocolEngine", "ContentLoading", "Briefing", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/DistrictTestSupport",
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "DistrictServerTests",
            dependencies: [
                "DistrictServer", "DistrictTestSupport", "Accounts", "Completion", "Storage", "RecordStore", "LocalStore",
                "Records", "Training", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "Briefing", "Certificates",
                "Verification", "SessionServer", "OpenIDSignIn", "TestSupport", "GroupSessions", "Charts", "ItemAnalysis",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RecordsTests",
            dependencies: ["Records", "Scoring", "ScenarioEngine", "ProtocolEngine", "Training", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "RecordStoreTests",
            dependencies: ["RecordStore", "Records", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "StorageContractTests",
            dependencies: [
                "Storage", "PostgresStorage", "RecordStore", "Records", "ScenarioEngine", "TestSupport",
                "Completion", "ItemAnalysis", "ProtocolEngine", "ContentLoading", "Training", "Scoring", "LocalStore",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "RecordStore", "Records", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "ItemAnalysisTests",
            dependencies: [
                "ItemAnalysis", "Records", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "Storage", "RecordStore",
                "Completion", "Charts", "Training", "Scoring", "TestSupport",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"], swiftSettings: strictSwift),
        .testTarget(
            name: "LMSPackagesTests",
            dependencies: [
                "LMSPackages", "Completion", "ContentLoading", "Training", "Scoring", "ScenarioEngine", "ProtocolEngine",
                "Briefing", "TestSupport", "BrowserTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "BriefingTests",
            dependencies: ["Briefing", "ProtocolEngine", "ContentLoading", "TestSupport"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "CertificatesTests",
            dependencies: [
                "Base64URLCoding",
                "Certificates", "Briefing", "ContentLoading", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "VerificationTests",
            dependencies: [
                "Verification", "Certificates", "RecordStore", "Records", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "LocalStoreTests",
            dependencies: ["LocalStore", "Training", "ScenarioEngine", "ProtocolEngine", "TestSupport", "GroupSessions"],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "CompletionTests",
            dependencies: [
                "Completion", "Accounts", "Storage", "RecordStore", "LocalStore", "Records", "Training", "Scoring",
                "ScenarioEngine",
                "ProtocolEngine", "GroupSessions", "ContentLoading", "TestSupport",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "AccountsTests",
            dependencies: [
                "Accounts", "PostgresStorage", "Storage", "Records", "RecordStore", "ScenarioEngine", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "OpenIDSignInTests",
            dependencies: [
                "Base64URLCoding",
                "OpenIDSignIn", "TestSupport", "ScenarioEngine", .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "QuestionBanksTests",
            dependencies: [
                "QuestionBanks", "ScenarioEngine", "ProtocolEngine", "Training", "ContentLoading", "TestSupport",
                "XMLWriting",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "QuestionBankPeerTests",
            dependencies: [
                "QuestionBanks", "Completion", "ContentLoading", "ProtocolEngine", "ScenarioEngine", "Training", "TestSupport",
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "CLITests",
            dependencies: [
                "TestSupport", "Training", "Scoring", "ScenarioEngine", "ProtocolEngine", "ContentLoading", "Records",
                "RecordStore",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "XAPITests",
            dependencies: [
                "XAPI", "Completion", "Accounts", "LRSDelivery", "Storage", "RecordStore", "Records", "ScenarioEngine",
                "ProtocolEngine",
                "ContentLoading", "Training", "TestSupport",
            ],
            swiftSettings: strictSwift
        ),
        .testTarget(
            name: "XAPIPeerTests",
            dependencies: [
                "TestSupport", "XAPI", "Completion", "LRSDelivery", "Storage", "RecordStore", "Records", "ContentLoading",
                "Training", "ScenarioEngine", "ProtocolEngine", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSwift
        ),
    ]
)
