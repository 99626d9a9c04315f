"""The in-progress list: every sale of this session with its live state."""
