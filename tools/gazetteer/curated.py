"""Hand-made tables for tools/build_gazetteer.py: names that the npm sources lack but news uses.

Every entry is general knowledge about a place (its common English name or a well-known
position), never something taken from an evaluation corpus. Coordinates are rounded to about
0.01°–0.5° depending on the size of the feature: they are a representative point, not an outline.
"""

PLACE_SOURCE = "curated from GeoNames/Wikipedia coordinates"
CONTINENT_SOURCE = "curated: GeoNames continent points (CONT), rounded"

# Words that end an admin-1 name but are dropped in running text ("Maidan Wardak Province").
ADMIN_SUFFIXES = ["Province", "Region", "Governorate", "Oblast", "Department", "District",
                  "Municipality", "State", "Prefecture", "County", "Division", "Territory"]

# country ISO2 → extra names, abbreviations (matched only when written in capitals) and demonyms.
COUNTRY_EXTRAS = {
    # world-countries has "United States" and "USA"; news also writes these.
    "US": {"names": ["America", "United States of America"],
           "abbreviations": ["U.S.", "US", "USA", "U.S.A."],
           # "American" is kept; "Yank" and similar are slang, not used for places.
           },
    # world-countries' common name is "United Kingdom"; "Britain" is the usual news form.
    "GB": {"names": ["Britain", "Great Britain"],
           "abbreviations": ["UK", "U.K."],
           "demonyms": ["Briton"]},
    # "UAE" is in altSpellings but is an initialism; listed here so it is matched in capitals only.
    "AE": {"abbreviations": ["UAE", "U.A.E."]},
    # Initialisms that news uses for these countries.
    "CD": {"abbreviations": ["DRC"]},
    "KP": {"abbreviations": ["DPRK"]},
    "CN": {"abbreviations": ["PRC"]},
    # Names still common in news after an official change.
    "CZ": {"names": ["Czech Republic"]},
    "TR": {"names": ["Turkey"]},
    "CV": {"names": ["Cape Verde"]},
    "SZ": {"names": ["Swaziland"]},
    "KR": {"names": ["Korea"]},
    # world-countries writes these demonyms in an older or rarer form.
    "SA": {"demonyms": ["Saudi"]},
    "KZ": {"demonyms": ["Kazakh"]},
    "UZ": {"demonyms": ["Uzbek"]},
    "TJ": {"demonyms": ["Tajik"]},
    "KG": {"demonyms": ["Kyrgyz"]},
    "AR": {"demonyms": ["Argentinian"]},
    "NZ": {"names": ["Aotearoa"]},
}

# Plurals that adding "s" would get wrong (the people, as news writes them).
DEMONYM_PLURALS = {
    "British": None,  # "the British" is its own plural; "Britons" comes from the extra demonym "Briton"
    "Danish": "Danes",
    "Swedish": "Swedes",
    "Finnish": "Finns",
    "Polish": "Poles",
    "Turkish": "Turks",
    "Spanish": "Spaniards",
    "Scottish": "Scots",
    "Icelander": "Icelanders",
    "Swiss": None,
    "Irish": None,
    "French": None,
    "Dutch": None,
    "Welsh": None,
    "Malagasy": None,
    "Thai": "Thais",
    "Kirghiz": None,
    "Sahrawi": "Sahrawis",
}

# (country, GeoNames name) → English names that GeoNames' main name lacks. The most populous city
# with that name in that country receives them.
CITY_ALT_NAMES = {
    # GeoNames' names carry a comma or "City"; texts write the short form.
    ("US", "Washington, D.C."): ["Washington", "Washington D.C.", "Washington DC"],
    ("US", "New York City"): ["New York", "NYC"],
    # Afghan city names: the transliterations that English-language news uses.
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif", "Mazar-e-Sharif", "Mazar i Sharif"],
    ("AF", "Pul-e Khumrī"): ["Pul-i-Khumri"],
    ("AF", "Lashkar Gāh"): ["Lashkargah"],
    # English exonyms of cities that GeoNames names in the local language.
    ("DE", "Köln"): ["Cologne"],
    ("DE", "Nürnberg"): ["Nuremberg"],
    ("DE", "Hannover"): ["Hanover"],
    ("CH", "Genève"): ["Geneva"],
    ("CH", "Zürich"): ["Zurich"],
    ("ES", "Sevilla"): ["Seville"],
    ("ES", "Zaragoza"): ["Saragossa"],
    ("PL", "Kraków"): ["Cracow"],
    ("SE", "Göteborg"): ["Gothenburg"],
    ("BE", "Antwerpen"): ["Antwerp"],
    ("MA", "Fès"): ["Fez"],
    ("CA", "Montréal"): ["Montreal"],
    ("CA", "Québec"): ["Quebec City"],
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Odessa"): ["Odesa"],
    ("KZ", "Nur-Sultan"): ["Astana"],
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("MM", "Yangon"): ["Rangoon"],
    ("VN", "Ho Chi Minh City"): ["Saigon"],
    ("CN", "Beijing"): ["Peking"],
    ("SA", "Mecca"): ["Makkah"],
    ("SA", "Jeddah"): ["Jiddah"],
    ("SY", "Aleppo"): ["Halab"],
}

# Admin-1 alternative names in common English use.
ADMIN1_ALT_NAMES = {
    "AF.39": ["Uruzgan"],           # GeoNames "Oruzgan"
    "AF.09": ["Ghor"],              # GeoNames "Ghowr"
    "AF.37": ["Khost"],             # GeoNames "Khowst"
    "AF.27": ["Wardak"],
    "AF.05": ["Bamiyan"],
    "AF.31": ["Jawzjan"],
    "AF.42": ["Panjsher"],
    "US.DC": ["D.C."],
    "PH.NCR": ["Metro Manila"],     # GeoNames "National Capital Region": news says Metro Manila
}

# AP-style state abbreviations ("Alexandria, Va."): matched only right after a place and a comma.
ADMIN1_ABBREVIATIONS = {
    # Australian and Canadian forms news writes in capitals or with periods (unambiguous ones only:
    # "WA" and "SA" are Washington and South Africa as often).
    "AU.02": ["NSW"], "CA.02": ["B.C."], "CA.09": ["P.E.I."],
    "US.AL": ["Ala."], "US.AZ": ["Ariz."], "US.AR": ["Ark."], "US.CA": ["Calif."],
    "US.CO": ["Colo."], "US.CT": ["Conn."], "US.DE": ["Del."], "US.DC": ["D.C."],
    "US.FL": ["Fla."], "US.GA": ["Ga."], "US.IL": ["Ill."], "US.IN": ["Ind."],
    "US.KS": ["Kan."], "US.KY": ["Ky."], "US.LA": ["La."], "US.MD": ["Md."],
    "US.MA": ["Mass."], "US.MI": ["Mich."], "US.MN": ["Minn."], "US.MS": ["Miss."],
    "US.MO": ["Mo."], "US.MT": ["Mont."], "US.NE": ["Neb."], "US.NV": ["Nev."],
    "US.NH": ["N.H."], "US.NJ": ["N.J."], "US.NM": ["N.M."], "US.NY": ["N.Y."],
    "US.NC": ["N.C."], "US.ND": ["N.D."], "US.OK": ["Okla."], "US.OR": ["Ore."],
    "US.PA": ["Pa."], "US.RI": ["R.I."], "US.SC": ["S.C."], "US.SD": ["S.D."],
    "US.TN": ["Tenn."], "US.VT": ["Vt."], "US.VA": ["Va."],
    "US.WA": ["Wash."], "US.WV": ["W.Va."], "US.WI": ["Wis."], "US.WY": ["Wyo."],
}

# Places GeoNames' city list lacks: (slug, name, alternative names, kind, feature code, country,
# lat, lon). Kinds: Region (named regions and valleys), Physical (rivers, mountains, passes, seas),
# Continent.
PLACES = [
    # --- Afghanistan and neighbours
    # The valley runs SW–NE from about 35.15N 69.25E to 35.7N 70.2E; Bazarak, its main town, lies
    # in the middle of it. Checked against the Panjshir province polygon (geoBoundaries ADM1).
    ("panjshir-valley", "Panjshir Valley", ["Panjshir", "Panjsher", "Panjsher Valley", "Panjshir valley",
                                             "Panjshir Vally", "Panj Shir Valley"],
     "Region", "VAL", "AF", 35.31, 69.52),
    ("panjshir-river", "Panjshir River", ["Panjsher River"], "Physical", "STM", "AF", 35.10, 69.40),
    ("salang-pass", "Salang Pass", ["Salang", "Salang Tunnel"], "Physical", "PASS", "AF", 35.32, 69.03),
    ("khyber-pass", "Khyber Pass", [], "Physical", "PASS", "PK", 34.09, 71.10),
    ("hindu-kush", "Hindu Kush", ["Hindukush", "Hindu Kush mountains"], "Physical", "MTS", "AF", 35.5, 70.0),
    ("wakhan-corridor", "Wakhan Corridor", ["Wakhan"], "Region", "RGN", "AF", 37.0, 73.0),
    ("bamiyan-valley", "Bamiyan Valley", ["Bamyan Valley"], "Region", "VAL", "AF", 34.82, 67.82),
    ("andarab-valley", "Andarab Valley", [], "Region", "VAL", "AF", 35.63, 69.30),
    ("korengal-valley", "Korengal Valley", ["Korangal Valley"], "Region", "VAL", "AF", 34.95, 70.90),
    ("kunar-valley", "Kunar Valley", [], "Region", "VAL", "AF", 34.90, 71.10),
    ("shomali-plain", "Shomali Plain", ["Shomali"], "Region", "PLN", "AF", 34.95, 69.15),
    ("tora-bora", "Tora Bora", [], "Physical", "MTS", "AF", 34.12, 70.22),
    ("helmand-river", "Helmand River", ["Helmand river"], "Physical", "STM", "AF", 31.58, 64.36),
    ("kabul-river", "Kabul River", ["Kabul river"], "Physical", "STM", "AF", 34.44, 70.30),
    ("amu-darya", "Amu Darya", ["Oxus", "Amu Darya River"], "Physical", "STM", "AF", 37.23, 67.30),
    ("pamir-mountains", "Pamir Mountains", ["Pamirs", "Pamir"], "Physical", "MTS", "TJ", 38.5, 73.0),
    ("swat-valley", "Swat Valley", ["Swat"], "Region", "VAL", "PK", 35.0, 72.4),
    ("waziristan", "Waziristan", [], "Region", "RGN", "PK", 32.5, 69.8),
    ("kashmir", "Kashmir", ["Kashmir Valley"], "Region", "RGN", "", 34.5, 75.5),
    ("karakoram", "Karakoram", ["Karakorum"], "Physical", "MTS", "PK", 35.9, 76.5),
    ("himalayas", "Himalayas", ["Himalaya", "the Himalayas"], "Physical", "MTS", "", 28.5, 84.0),
    ("mount-everest", "Mount Everest", ["Everest", "Mt. Everest"], "Physical", "MT", "NP", 27.988, 86.925),
    ("k2", "K2", [], "Physical", "MT", "PK", 35.881, 76.514),
    ("indus-river", "Indus River", ["Indus"], "Physical", "STM", "PK", 33.9, 72.2),
    ("ferghana-valley", "Ferghana Valley", ["Fergana Valley"], "Region", "VAL", "UZ", 40.6, 71.5),
    # --- Middle East and Africa
    ("tigris", "Tigris", ["Tigris River"], "Physical", "STM", "IQ", 33.3, 44.4),
    ("euphrates", "Euphrates", ["Euphrates River"], "Physical", "STM", "SY", 34.4, 40.9),
    ("jordan-river", "Jordan River", [], "Physical", "STM", "", 32.3, 35.57),
    ("nile", "Nile", ["Nile River", "River Nile"], "Physical", "STM", "EG", 26.0, 32.5),
    ("gaza-strip", "Gaza Strip", [], "Region", "RGN", "PS", 31.42, 34.36),
    ("west-bank", "West Bank", [], "Region", "RGN", "PS", 31.95, 35.30),
    ("golan-heights", "Golan Heights", ["Golan"], "Region", "RGN", "", 32.98, 35.75),
    ("bekaa-valley", "Bekaa Valley", ["Beqaa Valley", "Bekaa"], "Region", "VAL", "LB", 33.85, 35.90),
    ("sinai-peninsula", "Sinai Peninsula", ["Sinai"], "Region", "PEN", "EG", 29.5, 33.8),
    ("suez-canal", "Suez Canal", [], "Physical", "CNL", "EG", 30.7, 32.34),
    ("persian-gulf", "Persian Gulf", ["Arabian Gulf"], "Physical", "GULF", "", 26.5, 52.0),
    ("strait-of-hormuz", "Strait of Hormuz", [], "Physical", "STRT", "", 26.57, 56.25),
    ("red-sea", "Red Sea", [], "Physical", "SEA", "", 20.0, 38.5),
    ("gulf-of-aden", "Gulf of Aden", [], "Physical", "GULF", "", 12.0, 48.0),
    ("arabian-sea", "Arabian Sea", [], "Physical", "SEA", "", 15.0, 65.0),
    ("kurdistan", "Kurdistan", ["Iraqi Kurdistan", "Kurdistan Region"], "Region", "RGN", "IQ", 36.2, 44.0),
    ("darfur", "Darfur", [], "Region", "RGN", "SD", 13.5, 24.0),
    ("sahara", "Sahara", ["Sahara Desert"], "Physical", "DSRT", "", 23.0, 13.0),
    ("sahel", "Sahel", [], "Region", "RGN", "", 14.5, 0.0),
    ("horn-of-africa", "Horn of Africa", [], "Region", "PEN", "", 8.0, 45.0),
    ("rift-valley", "Great Rift Valley", ["Rift Valley"], "Region", "VAL", "KE", 0.5, 36.0),
    # --- Regions news names
    ("middle-east", "Middle East", ["Mideast"], "Region", "RGN", "", 29.0, 41.0),
    ("central-asia", "Central Asia", [], "Region", "RGN", "", 41.0, 64.0),
    ("south-asia", "South Asia", [], "Region", "RGN", "", 22.0, 79.0),
    ("southeast-asia", "Southeast Asia", ["South-East Asia", "South East Asia"], "Region", "RGN", "", 10.0, 106.0),
    ("east-asia", "East Asia", [], "Region", "RGN", "", 35.0, 115.0),
    ("latin-america", "Latin America", [], "Region", "RGN", "", -5.0, -60.0),
    ("caribbean", "Caribbean", ["the Caribbean"], "Region", "RGN", "", 17.0, -72.0),
    ("balkans", "Balkans", ["the Balkans"], "Region", "RGN", "", 42.5, 21.0),
    ("caucasus", "Caucasus", ["the Caucasus"], "Region", "RGN", "", 42.5, 44.5),
    ("scandinavia", "Scandinavia", [], "Region", "RGN", "", 62.0, 15.0),
    ("siberia", "Siberia", [], "Region", "RGN", "RU", 60.0, 100.0),
    ("tibet", "Tibet", [], "Region", "RGN", "CN", 31.0, 88.0),
    ("korean-peninsula", "Korean Peninsula", [], "Region", "PEN", "", 37.5, 127.5),
    ("donbas", "Donbas", ["Donbass"], "Region", "RGN", "UA", 48.0, 38.0),
    ("silicon-valley", "Silicon Valley", [], "Region", "VAL", "US", 37.39, -122.06),
    # Regions of the United States as news writes them.
    ("midwest", "Midwest", ["Middle West", "the Midwest"], "Region", "RGN", "US", 41.5, -90.0),
    ("great-plains", "Great Plains", ["the Great Plains"], "Region", "PLN", "US", 40.0, -100.0),
    ("new-england", "New England", [], "Region", "RGN", "US", 43.5, -71.5),
    ("pacific-northwest", "Pacific Northwest", [], "Region", "RGN", "US", 46.5, -121.0),
    ("gulf-coast", "Gulf Coast", [], "Region", "RGN", "US", 29.5, -91.0),
    ("deep-south", "Deep South", [], "Region", "RGN", "US", 32.5, -87.5),
    ("appalachia", "Appalachia", [], "Region", "RGN", "US", 38.0, -81.0),
    ("bay-area", "San Francisco Bay Area", ["Bay Area"], "Region", "RGN", "US", 37.8, -122.3),
    ("southern-california", "Southern California", [], "Region", "RGN", "US", 34.0, -117.5),
    ("northern-california", "Northern California", [], "Region", "RGN", "US", 39.5, -121.5),
    # Parts of continents.
    ("western-europe", "Western Europe", [], "Region", "RGN", "", 48.0, 5.0),
    ("eastern-europe", "Eastern Europe", [], "Region", "RGN", "", 50.0, 28.0),
    ("central-europe", "Central Europe", [], "Region", "RGN", "", 49.5, 15.0),
    ("baltic-states", "Baltic states", ["Baltic States", "Baltics", "the Baltics"], "Region", "RGN", "", 57.0, 24.0),
    ("iberian-peninsula", "Iberian Peninsula", ["Iberia"], "Region", "PEN", "", 40.0, -4.0),
    ("north-africa", "North Africa", ["Northern Africa"], "Region", "RGN", "", 27.0, 17.0),
    ("maghreb", "Maghreb", ["the Maghreb"], "Region", "RGN", "", 31.0, 2.0),
    ("west-africa", "West Africa", ["Western Africa"], "Region", "RGN", "", 12.0, -3.0),
    ("east-africa", "East Africa", ["Eastern Africa"], "Region", "RGN", "", 2.0, 38.0),
    ("central-africa", "Central Africa", [], "Region", "RGN", "", 2.0, 20.0),
    ("southern-africa", "Southern Africa", [], "Region", "RGN", "", -25.0, 25.0),
    ("sub-saharan-africa", "Sub-Saharan Africa", [], "Region", "RGN", "", 2.0, 22.0),
    ("central-america", "Central America", [], "Region", "RGN", "", 13.5, -86.0),
    ("arabian-peninsula", "Arabian Peninsula", ["Arabia"], "Region", "PEN", "", 23.0, 46.0),
    ("levant", "Levant", ["the Levant"], "Region", "RGN", "", 33.5, 36.0),
    ("patagonia", "Patagonia", [], "Region", "RGN", "AR", -45.0, -69.0),
    ("gobi-desert", "Gobi Desert", ["Gobi"], "Physical", "DSRT", "", 43.0, 105.0),
    # --- Large islands and island groups (GeoNames cities lack them; news names them as places)
    ("luzon", "Luzon", [], "Region", "ISL", "PH", 16.0, 121.0),
    ("mindanao", "Mindanao", [], "Region", "ISL", "PH", 7.8, 125.0),
    ("visayas", "Visayas", ["the Visayas"], "Region", "ISLS", "PH", 11.0, 123.5),
    ("mindoro", "Mindoro", [], "Region", "ISL", "PH", 12.9, 121.1),
    ("borneo", "Borneo", [], "Region", "ISL", "", 0.9, 114.0),
    ("sumatra", "Sumatra", [], "Region", "ISL", "ID", -0.6, 101.3),
    ("java", "Java", [], "Region", "ISL", "ID", -7.5, 110.0),
    ("sulawesi", "Sulawesi", ["Celebes"], "Region", "ISL", "ID", -2.0, 121.0),
    ("honshu", "Honshu", [], "Region", "ISL", "JP", 36.0, 138.0),
    ("sicily", "Sicily", [], "Region", "ISL", "IT", 37.6, 14.1),
    ("sardinia", "Sardinia", [], "Region", "ISL", "IT", 40.1, 9.0),
    ("corsica", "Corsica", [], "Region", "ISL", "FR", 42.15, 9.1),
    ("crete", "Crete", [], "Region", "ISL", "GR", 35.2, 24.9),
    ("lofoten", "Lofoten", ["Lofoten Islands"], "Region", "ISLS", "NO", 68.2, 13.9),
    ("svalbard-islands", "Spitsbergen", [], "Region", "ISL", "SJ", 78.7, 16.0),
    ("vancouver-island", "Vancouver Island", [], "Region", "ISL", "CA", 49.6, -125.6),
    # --- Fjords, lakes and wetlands news names
    ("sognefjord", "Sognefjord", ["Sognefjorden"], "Physical", "FJD", "NO", 61.1, 6.0),
    ("hardangerfjord", "Hardangerfjord", ["Hardangerfjorden"], "Physical", "FJD", "NO", 60.2, 6.0),
    ("laguna-de-bay", "Laguna de Bay", ["Laguna Lake"], "Physical", "LK", "PH", 14.38, 121.25),
    ("lake-victoria", "Lake Victoria", [], "Physical", "LK", "", -1.0, 33.0),
    ("lake-titicaca", "Lake Titicaca", [], "Physical", "LK", "", -15.8, -69.4),
    ("dead-sea", "Dead Sea", [], "Physical", "LK", "", 31.5, 35.5),
    # --- Mountains, rivers, seas elsewhere
    ("alps", "Alps", ["the Alps"], "Physical", "MTS", "", 46.5, 10.0),
    ("andes", "Andes", ["Andes Mountains"], "Physical", "MTS", "", -15.0, -72.0),
    ("rocky-mountains", "Rocky Mountains", ["Rockies"], "Physical", "MTS", "US", 43.0, -110.0),
    ("appalachian-mountains", "Appalachian Mountains", ["Appalachians"], "Physical", "MTS", "US", 37.5, -81.0),
    ("mississippi-river", "Mississippi River", [], "Physical", "STM", "US", 32.3, -91.0),
    ("amazon-river", "Amazon River", [], "Physical", "STM", "BR", -3.0, -60.0),
    # "The Amazon" in news is the rainforest and its basin more often than the river.
    ("amazon-rainforest", "Amazon", ["Amazon rainforest", "Amazonia", "Amazon basin"], "Region", "RGN", "BR", -3.4, -62.2),
    ("pantanal", "Pantanal", [], "Region", "WTLD", "BR", -18.0, -56.9),
    ("danube", "Danube", ["Danube River"], "Physical", "STM", "", 44.8, 20.5),
    ("rhine", "Rhine", ["Rhine River"], "Physical", "STM", "DE", 50.9, 7.0),
    ("yangtze", "Yangtze", ["Yangtze River"], "Physical", "STM", "CN", 30.6, 114.3),
    ("mekong", "Mekong", ["Mekong River"], "Physical", "STM", "", 13.0, 105.0),
    ("ganges", "Ganges", ["Ganges River", "Ganga"], "Physical", "STM", "IN", 25.3, 83.0),
    ("grand-canyon", "Grand Canyon", [], "Physical", "VAL", "US", 36.1, -112.1),
    ("death-valley", "Death Valley", [], "Region", "VAL", "US", 36.46, -116.87),
    ("great-lakes", "Great Lakes", [], "Physical", "LKS", "", 45.0, -84.0),
    ("gulf-of-mexico", "Gulf of Mexico", [], "Physical", "GULF", "", 25.0, -90.0),
    ("caspian-sea", "Caspian Sea", [], "Physical", "SEA", "", 41.7, 50.7),
    ("black-sea", "Black Sea", [], "Physical", "SEA", "", 43.4, 34.0),
    ("mediterranean-sea", "Mediterranean Sea", ["Mediterranean"], "Physical", "SEA", "", 35.0, 18.0),
    ("atlantic-ocean", "Atlantic Ocean", ["Atlantic"], "Physical", "OCN", "", 0.0, -30.0),
    ("pacific-ocean", "Pacific Ocean", ["Pacific"], "Physical", "OCN", "", 0.0, -160.0),
    ("indian-ocean", "Indian Ocean", [], "Physical", "OCN", "", -20.0, 80.0),
    ("arctic-ocean", "Arctic Ocean", ["Arctic"], "Physical", "OCN", "", 85.0, 0.0),
    # The poles (GeoNames' points): "the North Pole" is not the Alaskan town of that name.
    ("north-pole", "North Pole", ["Geographic North Pole"], "Physical", "PT", "", 90.0, 0.0),
    ("south-pole", "South Pole", ["Geographic South Pole"], "Physical", "PT", "", -90.0, 0.0),
    # --- Continents (GeoNames continent points)
    ("europe", "Europe", [], "Continent", "CONT", "", 48.69, 9.14),
    ("asia", "Asia", [], "Continent", "CONT", "", 29.84, 89.30),
    ("africa", "Africa", [], "Continent", "CONT", "", 7.19, 21.09),
    ("north-america", "North America", [], "Continent", "CONT", "", 46.07, -100.55),
    ("south-america", "South America", [], "Continent", "CONT", "", -14.60, -57.66),
    ("oceania", "Oceania", [], "Continent", "CONT", "", -18.31, 138.52),
    ("antarctica", "Antarctica", [], "Continent", "CONT", "", -78.16, 16.41),
]


# Countries whose own names are written in a script other than Latin. Their GeoNames main names are
# already romanisations, and news spells them several ways (Kyiv/Kiev, Kupiansk/Kupyansk,
# Avdiivka/Avdeevka), so GeoNames' Latin-script alternates are taken for their places. Elsewhere the
# alternates are mostly other languages' forms and short forms ("Hall" for Schwäbisch Hall, "Big"
# for Biga, "Hamas" for Hamm) that collide with English words: there only the cities.json spellings
# and CITY_ALT_NAMES are added.
NON_LATIN_SCRIPT_COUNTRIES = {
    # Cyrillic
    "RU", "UA", "BY", "BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "MN",
    # Arabic script
    "AF", "PK", "IR", "IQ", "SY", "LB", "JO", "PS", "SA", "YE", "OM", "AE", "QA", "BH", "KW", "EG",
    "LY", "SD", "DZ", "MA", "TN", "MR",
    # Hebrew, Greek, Armenian, Georgian
    "IL", "GR", "CY", "AM", "GE",
    # South and Southeast Asia
    "IN", "BD", "NP", "LK", "BT", "MM", "TH", "LA", "KH",
    # East Asia
    "CN", "TW", "HK", "MO", "JP", "KR", "KP",
    # Horn of Africa (Ge'ez script)
    "ET", "ER",
}
