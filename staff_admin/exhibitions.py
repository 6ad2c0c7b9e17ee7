"""The exhibition builder: choosing relics for an exhibition."""
