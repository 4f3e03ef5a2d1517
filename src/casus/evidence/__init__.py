"""Reading news and commentary: actors, claims, attribution, treaty links and red flags."""
