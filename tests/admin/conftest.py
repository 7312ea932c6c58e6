import pytest


@pytest.fixture(autouse=True)
def _products_restored(restore_products):
    """Tests here change prices; each starts from the migration's products."""
