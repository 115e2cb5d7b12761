"""Analytics: attribution of visits and orders (channel, source, campaign, query), sales reports aggregated in
SQL. (Being built.) See docs/architecture.md."""
