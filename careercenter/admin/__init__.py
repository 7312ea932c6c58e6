"""Staff pages: products and prices, orders and refunds."""
