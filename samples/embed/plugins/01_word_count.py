# A well-behaved plugin: counts words with the allowed modules.
import collections
import re


def run(text):
    words = re.findall(r"[a-z']+", text.lower())
    return dict(collections.Counter(words).most_common(3))
