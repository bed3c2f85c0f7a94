"""`gwlint review`: findings as Word comments, safe fixes as tracked changes, in a copy."""
