import Testing

/// The district server's tests in headless Chromium, run one at a time: each starts a Chromium
/// of its own, and several at once on a loaded 2-core machine keep one another past the
/// DevTools timeouts.
@Suite(.serialized) enum DistrictInChromium {}
