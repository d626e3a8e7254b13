/**
 * A self-signed certificate for 127.0.0.1 / localhost (valid 2000–2100), only for tests that need an
 * HTTPS server on the loopback interface (the model manager's proxy tunnel). Not a secret: it protects nothing.
 */
export const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJZqtpUfMgg8AMhC1
YVAr0vPj5w5geT5WFFlXqOLFoAWhRANCAARnBLL95n5HBA4BFP868Y1LiX7H1y0C
L8GSg4ZkKcDjzUliTNK0FnLgxfm6HJ6Vux1hgQTATacGxv6fzG1Nicte
-----END PRIVATE KEY-----
`;

export const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBZjCCAQ2gAwIBAgIBATAKBggqhkjOPQQDAjAUMRIwEAYDVQQDDAkxMjcuMC4w
LjEwIBcNMDAwMTAxMDAwMDAwWhgPMjEwMDAxMDEwMDAwMDBaMBQxEjAQBgNVBAMM
CTEyNy4wLjAuMTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABGcEsv3mfkcEDgEU
/zrxjUuJfsfXLQIvwZKDhmQpwOPNSWJM0rQWcuDF+bocnpW7HWGBBMBNpwbG/p/M
bU2Jy16jTjBMMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYcEfwAAAYIJbG9j
YWxob3N0MB0GA1UdDgQWBBRGw44MqJA0BDPqJgAR5fe/lmmumzAKBggqhkjOPQQD
AgNHADBEAiAlfnLRrKkVelpUQ2sNqlGFTZjQyaj/kH5n7bPbT85KbwIgMkaxM4yz
YqirpqFThC6XonHeA5DN3lJudsV9tTmSUjY=
-----END CERTIFICATE-----
`;
