THEME = "no-such-theme"
