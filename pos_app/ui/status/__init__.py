"""Always-visible indicators: the balance, the connection, the key's mode."""
