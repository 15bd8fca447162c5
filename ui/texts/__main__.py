"""python -m ui.texts: merge every area's English translations into the .ts."""
from ui.texts import merge_into_ts

for text in merge_into_ts():
    print("untranslated:", text)
