"""History: readers for ATOP, COW and MID data, candidate features, calibration and backtests."""
