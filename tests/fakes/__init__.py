"""Local stand-ins for the outside services the helpdesk talks to."""
