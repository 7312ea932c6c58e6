"""Staff pages: the staff home, users, posts and companies, products and prices, orders and refunds."""
