"""What the tests share: paths and the console script (support), briefs built for tests, window-driving keys,
PDF/A and signing checks, and the scripts some tests run as processes (probe_window, crash_window)."""
