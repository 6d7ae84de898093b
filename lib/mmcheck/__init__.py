"""mmcheck: static checks for Linux memory-management bugs (driver side)."""

VERSION = "0.1"
