"""WhatsApp Cloud API: webhook (handshake, signatures, messages, statuses) and sending through pywa."""
