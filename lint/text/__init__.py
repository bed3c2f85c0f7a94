"""The bottom layer for Chinese text: numerals (parse and write) and numbering markers."""
