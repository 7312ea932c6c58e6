"""Products and prices, orders, the payment gateway, webhooks, receipts and refunds."""
