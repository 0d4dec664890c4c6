-- The hourly valuation rates in force on $as_of (valid_to is exclusive). Grain: one row per role category.
SELECT role_category, valid_from, low_eur, central_eur, high_eur, source
FROM valuation_rates
WHERE valid_from <= $as_of
  AND (valid_to IS NULL OR valid_to > $as_of)
ORDER BY role_category
