import Testing

/// Every test that runs the `csec-trainer` binary, one at a time. Tests that start processes
/// concurrently leak each other's pipe ends into their children (the tmux server keeps what it
/// inherited), so a reader can wait forever for an end of file; run serially, they cannot.
@Suite(.serialized)
enum CLISuite {}
