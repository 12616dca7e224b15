/* quiz component (classic script, no modules, no fetch). */
