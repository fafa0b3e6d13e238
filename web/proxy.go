package web

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"kopuro"
)

// Behind a reverse proxy every request comes from the proxy's address,
// so the sign-in limit would count all users as one. Config.TrustedProxies
// names the proxies whose X-Forwarded-For is believed; from anyone else
// the header is ignored, since a client can write whatever it likes in it.

// ParseTrustedProxies reads addresses ("10.0.0.1", "::1") and networks
// ("10.0.0.0/8", "fd00::/8"), as given to kopuro serve --trusted-proxy.
func ParseTrustedProxies(list []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, item := range list {
		for _, s := range strings.Split(item, ",") {
			if s = strings.TrimSpace(s); s == "" {
				continue
			}
			p, err := netip.ParsePrefix(s)
			if err != nil {
				a, aerr := netip.ParseAddr(s)
				if aerr != nil {
					return nil, kopuro.Errorf(kopuro.EInvalid, "error.trusted_proxy", "trusted proxy %q is not an address or a network", s).WithArg("Value", s)
				}
				a = a.Unmap()
				p = netip.PrefixFrom(a, a.BitLen())
			}
			out = append(out, p.Masked())
		}
	}
	return out, nil
}

// clientIP is the address a request came from, as the sign-in limit
// counts it (see addrKey). When the peer is a trusted proxy, the client
// is the right-most X-Forwarded-For address that is not itself a trusted
// proxy: each proxy appends the address it saw, so entries left of the
// first untrusted one may be made up by the client.
func (s *Server) clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	client := peer.Unmap()
	if !s.trustedProxy(client) {
		return addrKey(client)
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	for i := len(hops) - 1; i >= 0; i-- {
		a, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break // a garbled hop: believe nothing left of it
		}
		client = a.Unmap()
		if !s.trustedProxy(client) {
			break
		}
	}
	return addrKey(client)
}

func (s *Server) trustedProxy(a netip.Addr) bool {
	for _, p := range s.trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// addrKey is an address as the sign-in limit counts it: an IPv6 address
// by its /64 network, which one machine usually holds whole.
func addrKey(ip netip.Addr) string {
	if ip.Is6() {
		p, _ := ip.Prefix(64)
		return p.String()
	}
	return ip.String()
}
