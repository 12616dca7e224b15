STRATA = {
    "words_per_minute": 200,
    "image_budget_kb": "200",
}
