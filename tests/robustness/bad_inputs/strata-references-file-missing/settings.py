STRATA = {"references_file": "refs.yaml"}
