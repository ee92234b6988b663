# Tests that are not doctest cases of innov_tests (separate programs, scripts).
