package importer

import (
	"hash/fnv"
	"strconv"
	"strings"
	"time"

	"kopuro"
)

// discussion turns replies in a channel's linked discussion group into
// comments on the channel's posts. Telegram copies every channel post into
// the group as a message sent by the channel itself (from_id
// "channel<id>", no reply_to); members reply to that copy. The export does
// not say which channel post a copy is, so the copy is matched to the
// channel post of the same channel with the same text published within
// ten minutes of it (the nearest one). Replies whose copy is matched before
// the channel has been read (groups listed first) wait until the end of
// the file. Memory grows with the channel posts and discussion replies of
// the file, not with its other chats.
type discussion struct {
	posts  map[int64]map[uint64][]tgPostRef // channel → text hash → posts
	groups map[int64]*tgGroup
	order  []*tgGroup // groups in file order, so that output is stable
}

type tgPostRef struct{ id, unix int64 }

// tgGroup is what is known of one discussion group.
type tgGroup struct {
	forwards map[int64]*tgForward // message id of a channel post's copy → the copy
	root     map[int64]int64      // reply's message id → the copy it answers (through a thread)
	pending  []tgReply
}

// tgForward is a channel post's copy in the group; post is 0 until matched.
type tgForward struct {
	channel, unix, post int64
	hash                uint64
}

type tgReply struct {
	n    int
	root int64
	c    kopuro.Comment
}

// matchWindow is how far (seconds) a copy's time may be from its post's.
const matchWindow = 600

func newDiscussion() *discussion {
	return &discussion{posts: map[int64]map[uint64][]tgPostRef{}, groups: map[int64]*tgGroup{}}
}

func textHash(s string) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(strings.TrimSpace(s)))
	return h.Sum64()
}

// channelPost records a channel post for matching copies.
func (d *discussion) channelPost(channel, id int64, ts time.Time, text string) {
	byHash := d.posts[channel]
	if byHash == nil {
		byHash = map[uint64][]tgPostRef{}
		d.posts[channel] = byHash
	}
	h := textHash(text)
	byHash[h] = append(byHash[h], tgPostRef{id: id, unix: ts.Unix()})
}

// match finds the channel post a copy stands for.
func (d *discussion) match(f *tgForward) {
	if f.post != 0 {
		return
	}
	best := int64(matchWindow + 1)
	for _, r := range d.posts[f.channel][f.hash] {
		dt := f.unix - r.unix
		if dt < 0 {
			dt = -dt
		}
		if dt < best {
			best, f.post = dt, r.id
		}
	}
}

// groupMessage handles one message of a group chat.
func (d *discussion) groupMessage(p *tgParser, c tgChat, m *tgMessage, n int, at string) bool {
	if m.Type != "message" && m.Type != "" {
		return true
	}
	g := d.groups[c.ID]
	if g == nil {
		g = &tgGroup{forwards: map[int64]*tgForward{}, root: map[int64]int64{}}
		d.groups[c.ID] = g
		d.order = append(d.order, g)
	}
	channel, fromChannel := strings.CutPrefix(string(m.FromID), "channel")
	isReply := m.ReplyTo != nil && m.ReplyTo.Set
	if !isReply && !fromChannel {
		return true // an ordinary group message, no concern of Kopuro's
	}
	if isReply {
		if _, ok := g.root[m.ReplyTo.N]; !ok {
			return true // a reply to an ordinary group message
		}
	}
	k, ok := p.check(m, at)
	if !ok {
		return !p.t.stopped
	}
	if !isReply {
		ch, err := strconv.ParseInt(channel, 10, 64)
		if err != nil {
			return true
		}
		f := &tgForward{channel: ch, unix: k.ts.Unix(), hash: textHash(k.text)}
		d.match(f)
		g.forwards[k.id] = f
		g.root[k.id] = k.id
		return true
	}
	root := g.root[m.ReplyTo.N]
	g.root[k.id] = root
	f := g.forwards[root]
	group := strconv.FormatInt(c.ID, 10)
	cm := kopuro.Comment{
		Platform:        kopuro.Telegram,
		ExternalID:      group + "/" + strconv.FormatInt(k.id, 10),
		Author:          string(m.FromID),
		FromInstitution: fromChannel && channel == strconv.FormatInt(f.channel, 10),
		Text:            k.text,
		Published:       k.ts,
		Likes:           kopuro.Unknown,
	}
	if m.From != nil && *m.From != "" {
		cm.Author = *m.From
	}
	if m.ReplyTo.N != root {
		cm.ParentID = group + "/" + strconv.FormatInt(m.ReplyTo.N, 10)
	}
	r := tgReply{n: n, root: root, c: cm}
	if f.post == 0 {
		g.pending = append(g.pending, r)
		return true
	}
	return d.emit(p, f, r)
}

func (d *discussion) emit(p *tgParser, f *tgForward, r tgReply) bool {
	r.c.PostExternalID = strconv.FormatInt(f.channel, 10) + "/" + strconv.FormatInt(f.post, 10)
	if err := r.c.Validate(); err != nil {
		return p.t.fail(r.n, located(err, p.file, r.n))
	}
	c := r.c
	return p.t.item(Item{Line: r.n, Comment: &c})
}

// flush emits the replies that waited for their channel; those whose
// channel post is not in the file are dropped, as nothing can hold them.
func (d *discussion) flush(p *tgParser) {
	for _, g := range d.order {
		for _, r := range g.pending {
			f := g.forwards[r.root]
			d.match(f)
			if f.post != 0 && !d.emit(p, f, r) {
				return
			}
		}
		g.pending = nil
	}
}
