"""Collections Playbook: validated playbook entries, generated checklists and clause templates."""

__version__ = "0.1.0"
