/** Why an SDP offer was refused, or `null` for a usable one. */
export function sdpOfferProblem(offer: string): string | null {
  if (!offer.trim()) return 'The SDP offer is empty.'
  if (!/^v=0\r?\n/.test(offer)) return "The SDP offer must start with the line 'v=0'."
  if (!/^m=/m.test(offer)) return "The SDP offer has no media section (no 'm=' line)."
  return null
}

// Fixed transport values: the answer depends on the offer only, so tests can compare it whole.
const FINGERPRINT =
  'sha-256 6D:4F:43:4B:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB'

/**
 * A deterministic SDP answer to a WebRTC offer: one section per offered `m=` line, with the offer's `mid`, its first
 * payload type (and that type's `rtpmap`), a fixed ICE user/password and DTLS fingerprint, CRLF line ends.
 */
export function sdpAnswer(offer: string): string {
  const lines = offer.split(/\r?\n/)
  const sections: string[][] = []
  for (const line of lines) {
    if (line.startsWith('m=')) sections.push([line])
    else if (sections.length) sections.at(-1)!.push(line)
  }
  const mids = sections.map((section, i) => attribute(section, 'mid') ?? String(i))
  const out = [
    'v=0',
    'o=- 1767225600 1767225600 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mids.join(' ')}`,
    'a=msid-semantic:WMS *',
    `a=fingerprint:${FINGERPRINT}`,
  ]
  sections.forEach((section, i) => {
    const [media = 'audio', , proto = 'UDP/TLS/RTP/SAVPF', format = '111'] = section[0].slice(2).split(' ')
    out.push(`m=${media} 9 ${proto} ${format}`, 'c=IN IP4 0.0.0.0', `a=mid:${mids[i]}`)
    out.push('a=ice-ufrag:mock', 'a=ice-pwd:mockmockmockmockmockmock', 'a=setup:active')
    if (media === 'application') out.push('a=sctp-port:5000')
    else {
      out.push('a=sendrecv', 'a=rtcp-mux')
      const rtpmap = section.find((line) => line.startsWith(`a=rtpmap:${format} `))
      if (rtpmap) out.push(rtpmap)
    }
  })
  return `${out.join('\r\n')}\r\n`
}

function attribute(section: string[], name: string): string | undefined {
  return section.find((line) => line.startsWith(`a=${name}:`))?.slice(name.length + 3)
}
