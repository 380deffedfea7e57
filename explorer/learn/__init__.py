"""The Learn page: what trigger points and trigger point injections are, for patients."""
