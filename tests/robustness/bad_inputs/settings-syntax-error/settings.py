STRATA = ["words_per_minute", 200}
