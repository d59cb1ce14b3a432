"""How an answer or a page names each source: its title and year(s), by evidence id.

Written from data/references.yml by `make references` (macros/references.py); do not
edit: the build stops when this module and the data file disagree.
"""

from __future__ import annotations

from typing import Final

TITLES: Final[dict[str, tuple[str, str]]] = {
    "Article": ("The article on muscle loss this guide started from (see below)", ""),
    "NIH": (
        "US National Institutes of Health, as cited by the article this guide started from",
        "",
    ),
    "P1": ("Wu, Dietary protein intake and human health", "2016"),
    "P2": (
        "Recommendations on protein for older people by the PROT-AGE expert group and the "
        "European clinical nutrition society (ESPEN)",
        "2013–2014",
    ),
    "P3": ("Recommendations on protein for older people by the PROT-AGE expert group", "2013"),
    "P4": (
        "Recommendations on protein for older people by the PROT-AGE expert group and the "
        "European clinical nutrition society (ESPEN)",
        "2013–2014",
    ),
    "P5": ("Recommendations on protein for older people by the PROT-AGE expert group", "2013"),
    "P6": ("ESPEN geriatrics guideline (Volkert 2019)", ""),
    "P7": ("Morton, a meta-analysis of protein supplements and strength training", "2018"),
    "P8": (
        "International Society of Sports Nutrition (ISSN) position stand: protein and exercise",
        "2017",
    ),
    "P9": ("Schoenfeld and Aragon, how much protein the body can use in one meal", "2018"),
    "P10": ("English and Paddon-Jones, protecting muscle mass in older adults", "2010"),
    "P11": ("Moore 2015", ""),
    "P12": (
        "US National Kidney Foundation (KDOQI) guideline on nutrition in kidney disease",
        "2020",
    ),
    "P13": (
        "Kidney Disease: Improving Global Outcomes (KDIGO) guideline on kidney disease",
        "2024",
    ),
    "P14": (
        "Intensive-care nutrition guidelines from the European (ESPEN) and American (ASPEN and "
        "SCCM) societies",
        "2019 and 2016",
    ),
    "N1": ("MUST screening tool (BAPEN) and the GLIM criteria for malnutrition", "2019"),
    "N2": (
        "SACN, Vitamin D and Health (2016); Public Health England advice (2016); NHS vitamin D "
        "page",
        "",
    ),
    "E1": ("WHO guidelines on physical activity and sedentary behaviour", "2020"),
    "E2": ("Sherrington, a review of physical activity and falls prevention", "2020"),
    "E3": ("ACSM position stand on strength training", "2009"),
    "E4": ("Physical Activity Guidelines for Americans, 2nd edition", "2018"),
    "E5": ("Paluch, a meta-analysis of daily steps and mortality", "2022"),
    "E6": ("Tudor-Locke, how many steps a day are enough for older adults", "2011"),
    "E7": ("Practice tools for walking programmes, not trials", ""),
    "E8": ("National Sleep Foundation sleep duration recommendations", "2015"),
    "S1": ("English & Paddon-Jones 2010 (review statement)", ""),
    "S2": ("Oikawa, Holloway & Phillips 2019", ""),
    "S3": ("European consensus on sarcopenia (muscle loss with age)", "2019"),
    "D1": ("Kortebein 2007", ""),
    "D2": ("Wall 2014", ""),
    "D3": ("Vigelsø 2015", ""),
    "D4": ("Suetta 2009", ""),
    "D5": ("Marusic 2021", ""),
    "D6": ("Peterson, meta-analyses of strength training in older adults", "2010 and 2011"),
    "D7": ("Borde, a meta-analysis of strength training in older adults", "2015"),
    "F1": ("Malmstrom and Morley, a five-question check for muscle loss", "2013"),
    "F2": ("European consensus on sarcopenia (muscle loss with age)", "2019"),
    "F3": ("A meta-analysis of how well the five-question check finds muscle loss", "2018"),
    "M1": ("Guralnik, the Short Physical Performance Battery", "1994"),
    "M3": ("Vivifrail exercise guide and the VIVIFRAIL-COGN protocol", "2022"),
    "M4": ("World guidelines for falls prevention", "2022"),
    "M5": ("Otago Exercise Programme manual; Sherrington's review, 2020", ""),
    "M6": ("ACSM position stand on strength training, 2009; the Vivifrail guide", ""),
    "M7": (
        "NHS and National Institute for Health and Care Excellence (NICE) guidance on emergency "
        "signs",
        "",
    ),
    "NICE-NG42": (
        "National Institute for Health and Care Excellence (NICE) guideline NG42 on motor neurone "
        "disease",
        "",
    ),
    "NICE-NG127": (
        "National Institute for Health and Care Excellence (NICE) guideline NG127 on nerve "
        "conditions",
        "",
    ),
}
