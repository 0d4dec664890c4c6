"""civhub: civic-activity indicators for Greece's municipalities (read side library)."""
