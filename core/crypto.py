"""Encryption at rest (AES-GCM with key ids) and keyed lookups of provider ids."""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE_BYTES = 12
_SEPARATOR = b"."


class DecryptionError(ValueError):
    """A stored value could not be decrypted with any known key."""


class DataCipher:
    """Encrypts values with the current key; decrypts with whichever key id the value names."""

    def __init__(self, keys: dict[str, bytes], current_key_id: str, lookup_secret: bytes) -> None:
        self._aeads = {key_id: AESGCM(key) for key_id, key in keys.items()}
        self.current_key_id = current_key_id
        self._lookup_secret = lookup_secret

    def encrypt(self, plaintext: str, *, context: str = "") -> bytes:
        """`<key id>.<nonce><ciphertext+tag>`; the context is bound as associated data."""
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aeads[self.current_key_id].encrypt(nonce, plaintext.encode(), context.encode())
        return self.current_key_id.encode() + _SEPARATOR + nonce + sealed

    def decrypt(self, token: bytes, *, context: str = "") -> str:
        key_id, sep, body = bytes(token).partition(_SEPARATOR)
        aead = self._aeads.get(key_id.decode(errors="replace"))
        if not sep or aead is None:
            raise DecryptionError("value was encrypted with an unknown key id")
        try:
            return aead.decrypt(body[:_NONCE_BYTES], body[_NONCE_BYTES:], context.encode()).decode()
        except Exception as exc:  # InvalidTag: wrong key or tampered value
            raise DecryptionError("value failed authentication") from exc

    @staticmethod
    def key_id_of(token: bytes) -> str:
        return bytes(token).partition(_SEPARATOR)[0].decode(errors="replace")

    def is_current(self, token: bytes) -> bool:
        """Whether a stored value already uses the current key (rotation leaves it alone)."""
        return self.key_id_of(token) == self.current_key_id

    def reencrypt(self, token: bytes, *, context: str = "") -> bytes:
        """The same plaintext sealed again under the current key, with the same context and a fresh nonce."""
        return self.encrypt(self.decrypt(token, context=context), context=context)

    def lookup_key(self, channel: str, provider_id: str) -> str:
        """A keyed HMAC so the provider's id can be found without being stored in the clear."""
        digest = hmac.new(self._lookup_secret, f"{channel}:{provider_id}".encode(), hashlib.sha256)
        return digest.hexdigest()


def cipher_from_settings(keys: dict[str, bytes], current_key_id: str, secret_key: str) -> DataCipher:
    # The lookup secret is derived from SECRET_KEY, not the data key, so rotating the data key keeps lookups stable.
    lookup_secret = hashlib.sha256(b"liaison-lookup:" + secret_key.encode()).digest()
    return DataCipher(keys, current_key_id, lookup_secret)
