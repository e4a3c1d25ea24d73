value = "other complete"
