"""Pure rules of the product: enums, validation, decisions. No Qt, peewee or exchangelib."""
