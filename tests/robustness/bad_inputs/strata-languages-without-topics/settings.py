STRATA = {"languages": ["fr"]}
