"""Test & Enable: the ordered diagnostic steps of one mailbox (``steps``), what they produce
(``report``) and how the outcome is recorded into workload state and alerts (``outcome``).

The admin sees "Test & Enable"; the code says "diagnostic" so that nothing in the product is
named like a test."""
