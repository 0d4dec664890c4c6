"""The hand-built submission files of the golden tests, loaded with the real pipeline.

Three municipalities of East Macedonia and Thrace (EL51): A = 0101 Komotini (65,107 residents),
B = 0102 Arriana (14,944), C = 0103 Iasmos (12,346). Two years, 2023 and 2024, in a calendar that
runs from January 2023 (the first support year) to December 2024. Eleven organizations, one of every
type and a second association (O11), so that one pair of partners shares a type.

Volunteers (V..) and their records are listed with the indicators they feed in test_golden.py.
"""

from __future__ import annotations

PACT = """municipality_code,signed_on,centre_opened_on
0101,2022-03-01,2022-09-01
0102,2023-05-10,
"""

ORGANIZATIONS = """org_id,name,type,municipality_code
O01,ΚοινΣΕπ Κομοτηνής,social_cooperative,0101
O02,Οίκος Αλληλεγγύης Κομοτηνής,solidarity_house,0101
O03,Κοινωνικό Παντοπωλείο Κομοτηνής,social_supermarket,0101
O04,Κοινωνικό Αγρόκτημα Αρριανών,social_farm,0102
O05,Κοινωνικό Φροντιστήριο Αρριανών,tutoring_centre,0102
O06,Κοινωνικό Ιατρείο Ιάσμου,social_clinic,0103
O07,Κοινωνικό Φαρμακείο Ιάσμου,social_pharmacy,0103
O08,Εθελοντική Ομάδα Κομοτηνής,volunteer_group,0101
O09,Σύλλογος Αρριανών,association,0102
O10,Άλλη Οργάνωση Ιάσμου,other,0103
O11,Σύλλογος Ιάσμου,association,0103
"""

SPACES = """space_id,municipality_code,kind,name,size,size_unit,available_from,available_to,host_org_id
SP1,0101,building,Πρώην δημοτικό κατάστημα,200,m2,2023-01-01,,O02
SP2,0102,farmland,Δημοτικό αγροτεμάχιο,10,stremma,2023-07-01,2024-10-31,O04
SP3,0103,building,Πρώην σχολείο,100,m2,2024-03-16,,O06
"""

ACTIVITIES = (
    "activity_id,org_id,partner_org_ids,municipality_code,date,end_date,category,title,"
    "beneficiaries,service_units,service_unit,space_id\n"
) + """ACT1,O03,O01,0101,2023-05-01,2023-06-30,food_support,Διανομή τροφίμων,61,61,food_parcel,
ACT2,O08,O02;O09,0101,2023-11-20,,food_support,Συλλογή τροφίμων,40,,,
ACT3,O01,,0101,2024-05-10,,social_support,Κοινωνικό γεύμα,30,10,meal,
ACT4,O02,O03,0101,2024-06-01,,housing_support,Φιλοξενία,5,5,bed_night,SP1
ACT10,O08,,0101,2024-07-01,,culture,Συναυλία,20,,,
ACT5,O05,,0102,2023-09-01,2023-09-30,education,Μαθήματα,12,20,tutoring_hour,
ACT6,O04,O09|O11,0102,2024-10-01,,agriculture,Συγκομιδή,8,100,kg_produce,SP2
ACT7,O06,O07,0103,2023-04-03,,health_care,Ιατρείο,25,25,clinic_visit,
ACT8,O07,,0103,2024-04-04,,health_care,Διάθεση φαρμάκων,10,10,medicine_pack,
ACT9,O10,O06,0103,2024-04-05,,environment,Καθαρισμός ακτής,,,,
"""

HOURS = """record_id,volunteer_id,org_id,municipality_code,date,hours,role
A01,V1,O01,0101,2023-05-10,4,εθελοντής
A02,V2,O01,0101,2023-05-12,3,εθελοντής
A03,V3,O02,0101,2023-06-01,2,εθελοντής
A04,V4,O03,0101,2023-06-15,5,εθελοντής
A05,V5,O08,0101,2023-11-20,6,εθελοντής
A06,V6,O08,0101,2023-12-05,4,εθελοντής
A07,V5,O08,0101,2023-12-06,1,εθελοντής
A08,V1,O01,0101,2024-03-15,4,εθελοντής
A09,V27,O01,0101,2024-05-10,2,εθελοντής
A10,V28,O02,0101,2024-05-10,3,εθελοντής
A11,V7,O03,0101,2024-06-01,5,εθελοντής
A12,V8,O08,0101,2024-06-02,2,εθελοντής
A13,V9,O08,0101,2024-07-01,4,εθελοντής
B01,V10,O05,0102,2023-09-01,2,εκπαιδευτικός
B02,V11,O05,0102,2023-09-08,2,εκπαιδευτικός
B03,V12,O04,0102,2023-10-01,3,εθελοντής
B04,V24,O09,0102,2023-10-02,1,εθελοντής
B05,V10,O05,0102,2024-09-02,2,εκπαιδευτικός
B06,V11,O05,0102,2024-09-09,2,εκπαιδευτικός
B07,V13,O04,0102,2024-10-01,3,εθελοντής
B08,V14,O09,0102,2024-10-02,1,εθελοντής
B09,V15,O09,0102,2024-10-03,2,εθελοντής
B10,V25,O09,0102,2024-10-04,3,εθελοντής
B11,V26,O04,0102,2024-10-05,3,εθελοντής
C01,V16,O06,0103,2023-04-03,3,νοσηλεύτρια
C02,V17,O06,0103,2023-04-04,3,νοσηλεύτρια
C03,V18,O07,0103,2023-04-05,2,εθελοντής
C04,V19,O10,0103,2023-04-06,2,εθελοντής
C05,V20,O10,0103,2023-04-07,2,εθελοντής
C06,V1,O06,0103,2023-05-20,2,εθελοντής
C07,V16,O06,0103,2024-04-02,3,νοσηλεύτρια
C08,V17,O06,0103,2024-04-03,3,νοσηλεύτρια
C09,V21,O07,0103,2024-04-04,2,εθελοντής
C10,V22,O10,0103,2024-04-05,2,εθελοντής
C11,V23,O10,0103,2024-04-06,2,εθελοντής
"""

SUPPORT = """municipality_code,year,org_id,kind,amount_eur
0101,2023,O01,grant,12000
0101,2024,O01,grant,12000
0101,2024,,utilities,2400
0102,2024,O05,grant,6000
"""

FILES = {
    "pact": PACT,
    "organizations": ORGANIZATIONS,
    "spaces": SPACES,
    "activities": ACTIVITIES,
    "hours": HOURS,
    "support": SUPPORT,
}
