-- The activities led in one municipality, by category: how many and the people they report serving.
-- $code: the municipality. Grain of the result: one row per category with activities, most first.
SELECT
    category,
    count(*) AS activities,
    coalesce(sum(beneficiaries), 0) AS beneficiaries
FROM activities
WHERE municipality_code = $code
GROUP BY category
ORDER BY activities DESC, category
