"""Domain logic in plain Python: referral highlights, ranking, search, red flags."""
