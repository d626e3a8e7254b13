/**
 * The platform and arch a native library was built for, read from its header: ELF (Linux),
 * Mach-O (macOS, thin or universal) or PE (Windows). Used by scripts/before-pack.mjs so a binding
 * copied from another machine is refused before it ships. Returns null for anything else.
 */
const ELF_MACHINE = { 0x3e: 'x64', 0xb7: 'arm64', 0x03: 'ia32', 0x28: 'armv7l' };
const MACHO_CPU = { 0x01000007: 'x64', 0x0100000c: 'arm64' };
const PE_MACHINE = { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32' };

/** @param {Buffer} buf the first bytes of the file (4 KB is plenty) */
export function binaryTarget(buf) {
  if (buf.length >= 20 && buf.readUInt32BE(0) === 0x7f454c46) {
    const little = buf[5] === 1;
    const machine = little ? buf.readUInt16LE(18) : buf.readUInt16BE(18);
    return { platform: 'linux', arch: ELF_MACHINE[machine] ?? `elf-${machine}` };
  }
  if (buf.length >= 8) {
    const magic = buf.readUInt32BE(0);
    if (magic === 0xcffaedfe || magic === 0xcefaedfe) return { platform: 'darwin', arch: MACHO_CPU[buf.readUInt32LE(4)] ?? 'unknown' };
    if (magic === 0xfeedfacf || magic === 0xfeedface) return { platform: 'darwin', arch: MACHO_CPU[buf.readUInt32BE(4)] ?? 'unknown' };
    if (magic === 0xcafebabe && buf.length >= 8 && buf.readUInt32BE(4) < 20) return { platform: 'darwin', arch: 'universal' };
  }
  if (buf.length >= 0x40 && buf[0] === 0x4d && buf[1] === 0x5a) {
    const pe = buf.readUInt32LE(0x3c);
    if (pe + 6 <= buf.length && buf.readUInt32BE(pe) === 0x50450000) {
      const machine = buf.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: PE_MACHINE[machine] ?? `pe-${machine}` };
    }
  }
  return null;
}
