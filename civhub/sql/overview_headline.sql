-- National headline figures of the overview page: one row.
-- $as_of: the day on which a Pact counts as signed and a Centre of Active Citizens as open.
-- $min_volunteers: the fewest distinct volunteers a volunteer figure may be built from;
--   below it the volunteer figures are NULL (withheld), never published.
-- Grain of the result: the whole database.
WITH pact_now AS (
    SELECT
        count(*) FILTER (WHERE signed_on <= $as_of)        AS municipalities_in_pact,
        count(*) FILTER (WHERE centre_opened_on <= $as_of) AS centres_open
    FROM pact
),

organizations_per_type AS (
    SELECT type, count(*) AS organizations
    FROM organizations
    GROUP BY type
),

organization_types AS (
    SELECT list({'type': type, 'organizations': organizations} ORDER BY organizations DESC, type) AS by_type
    FROM organizations_per_type
),

volunteering AS (
    SELECT
        count(DISTINCT volunteer_no)  AS volunteers,
        coalesce(sum(hours), 0)       AS hours,
        min(work_date)                AS first_day,
        max(work_date)                AS last_day
    FROM volunteer_hours
),

served AS (
    SELECT
        coalesce(sum(beneficiaries), 0) AS people_served,
        min(start_date)                 AS first_day,
        max(start_date)                 AS last_day
    FROM activities
),

synthetic AS (
    SELECT coalesce(bool_or(value = 'true'), false) AS synthetic
    FROM meta
    WHERE key = 'synthetic'
)

SELECT
    pact_now.municipalities_in_pact,
    pact_now.centres_open,
    organization_types.by_type AS organizations_by_type,
    CASE WHEN volunteering.volunteers >= $min_volunteers THEN volunteering.volunteers END AS volunteers,
    CASE WHEN volunteering.volunteers >= $min_volunteers THEN volunteering.hours END AS volunteer_hours,
    served.people_served,
    least(volunteering.first_day, served.first_day) AS first_date,
    greatest(volunteering.last_day, served.last_day) AS last_date,
    synthetic.synthetic
FROM pact_now, organization_types, volunteering, served, synthetic
