import { describe, expect, it } from 'vitest'
import { sdpAnswer, sdpOfferProblem } from './sdp-answer'

const OFFER = [
  'v=0',
  'o=- 42 2 IN IP4 127.0.0.1',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0 1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 0 8',
  'a=mid:0',
  'a=rtpmap:111 opus/48000/2',
  'a=rtpmap:0 PCMU/8000',
  'm=application 9 UDP/DTLS/SCTP webrtc-datachannel',
  'a=mid:1',
  '',
].join('\r\n')

describe('sdpAnswer', () => {
  it('answers each offered section with its mid, first format and rtpmap, CRLF-terminated', () => {
    const answer = sdpAnswer(OFFER)
    expect(answer.endsWith('\r\n')).toBe(true)
    const lines = answer.split('\r\n')
    expect(lines.slice(0, 5)).toEqual([
      'v=0',
      'o=- 1767225600 1767225600 IN IP4 127.0.0.1',
      's=-',
      't=0 0',
      'a=group:BUNDLE 0 1',
    ])
    const audio = lines.indexOf('m=audio 9 UDP/TLS/RTP/SAVPF 111')
    const data = lines.indexOf('m=application 9 UDP/DTLS/SCTP webrtc-datachannel')
    expect(audio).toBeGreaterThan(0)
    expect(data).toBeGreaterThan(audio)
    expect(lines.slice(audio, data)).toContain('a=rtpmap:111 opus/48000/2')
    expect(lines.slice(audio, data)).not.toContain('a=rtpmap:0 PCMU/8000')
    expect(lines.slice(data)).toEqual(expect.arrayContaining(['a=mid:1', 'a=sctp-port:5000']))
  })

  it('is deterministic and accepts LF-only offers; sections without a mid are numbered', () => {
    const lf = OFFER.replaceAll('\r\n', '\n')
    expect(sdpAnswer(lf)).toBe(sdpAnswer(OFFER))
    expect(sdpAnswer('v=0\nm=audio 9 RTP/AVP 0\n')).toContain('a=group:BUNDLE 0\r\n')
  })
})

describe('sdpOfferProblem', () => {
  it.each([
    ['', 'The SDP offer is empty.'],
    ['hello', "The SDP offer must start with the line 'v=0'."],
    ['v=0\r\ns=-\r\n', "The SDP offer has no media section (no 'm=' line)."],
  ])('refuses %j', (offer, problem) => {
    expect(sdpOfferProblem(offer)).toBe(problem)
  })

  it('accepts a real-looking offer', () => {
    expect(sdpOfferProblem(OFFER)).toBeNull()
  })
})
