-- The seed's structures of one municipality, or of every municipality when $municipality_code is NULL:
-- the Cooperation Pact and its Centre of Active Citizens, the organizations of each type, and the
-- municipal spaces made available with the activities they hosted.
-- Sizes are given both ways: 1 stremma = 1,000 m².
-- Grain of the result: one row per municipality with a Pact, an organization or a space.
WITH chosen AS (
    SELECT code AS municipality_code, name_el_display AS name_el, name_en
    FROM municipalities
    WHERE $municipality_code IS NULL OR code = $municipality_code
),

organization_types AS (
    SELECT municipality_code, list({'type': type, 'organizations': organizations} ORDER BY type) AS organizations
    FROM (SELECT municipality_code, type, count(*) AS organizations FROM organizations GROUP BY ALL)
    GROUP BY municipality_code
),

hosted AS (
    SELECT space_id, count(*) AS activities FROM activities WHERE space_id IS NOT NULL GROUP BY space_id
),

space_kinds AS (
    SELECT
        s.municipality_code,
        s.kind,
        count(*) AS spaces,
        sum(CASE WHEN s.size_unit = 'm2' THEN s.size ELSE s.size * 1000 END) AS m2,
        sum(CASE WHEN s.size_unit = 'stremma' THEN s.size ELSE s.size / 1000 END) AS stremmata,
        coalesce(sum(h.activities), 0) AS activities_hosted
    FROM spaces s
    LEFT JOIN hosted h USING (space_id)
    GROUP BY ALL
),

spaces AS (
    SELECT
        municipality_code,
        list({'kind': kind, 'spaces': spaces, 'm2': m2, 'stremmata': stremmata,
              'activities_hosted': activities_hosted} ORDER BY kind) AS spaces
    FROM space_kinds
    GROUP BY municipality_code
)

SELECT
    c.municipality_code,
    c.name_el,
    c.name_en,
    p.signed_on AS pact_signed_on,
    p.centre_opened_on,
    coalesce(o.organizations, []) AS organizations,
    coalesce(s.spaces, []) AS spaces
FROM chosen c
LEFT JOIN pact p USING (municipality_code)
LEFT JOIN organization_types o USING (municipality_code)
LEFT JOIN spaces s USING (municipality_code)
WHERE p.municipality_code IS NOT NULL OR o.municipality_code IS NOT NULL OR s.municipality_code IS NOT NULL
ORDER BY c.municipality_code
