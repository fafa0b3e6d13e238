package importer

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"kopuro"
)

// Telegram reads Telegram Desktop's "Export chat history" result.json: the
// export of one chat (the root is the chat) or of the whole account (chats
// under "chats.list" and "left_chats.list"). Channel messages become posts;
// in a channel's linked discussion group, replies to the channel's
// automatically forwarded posts become comments. Personal chats are
// skipped unread. Messages are decoded one at a time.
type Telegram struct{}

// Name implements Format.
func (Telegram) Name() string { return "telegram-desktop-json" }

// Detect implements Format.
func (Telegram) Detect(head []byte) bool {
	if !startsJSONObject(head) {
		return false
	}
	if hasKey(head, "personal_information") || (hasKey(head, "chats") && hasKey(head, "list")) {
		return true
	}
	return hasKey(head, "messages") && hasKey(head, "type") &&
		(hasKey(head, "date_unixtime") || hasKey(head, "text_entities") || bytes.Contains(head, []byte(`_channel"`)) ||
			bytes.Contains(head, []byte(`_supergroup"`)))
}

// tgParser is the state of one Parse call.
type tgParser struct {
	ctx  context.Context
	dec  *json.Decoder
	file string
	name string
	t    *tally
	n    int // messages seen: the item index of errors
	disc *discussion
	// full is set in a full-account export, the only kind that can hold a
	// channel and its discussion group together: only then are channel
	// posts indexed for matching, so a one-channel export of any size
	// is read in constant memory.
	full bool
}

// tgChat is a chat's header, which the exporter writes before its messages.
type tgChat struct {
	Name string
	Type string
	ID   int64
	path string
}

func (c tgChat) isChannel() bool { return strings.HasSuffix(c.Type, "_channel") }

func (c tgChat) isGroup() bool {
	return strings.HasSuffix(c.Type, "_supergroup") || c.Type == "private_group"
}

// Parse implements Format.
func (tg Telegram) Parse(ctx context.Context, r io.Reader, file string, yield func(Item, error) bool) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		_, _ = br.Discard(3)
	}
	p := &tgParser{ctx: ctx, dec: json.NewDecoder(br), file: file, name: tg.Name(), t: newTally(yield), disc: newDiscussion()}
	err := p.chat("", true)
	if err == nil {
		p.disc.flush(p)
	}
	if p.t.stopped {
		return nil
	}
	if err != nil {
		if e := kopuro.AsError(err); e != nil {
			return e
		}
		if ctx.Err() != nil {
			return err
		}
		return corrupt(file, p.n, fmt.Sprintf("the JSON near byte %d", p.dec.InputOffset()), err)
	}
	return p.t.end(tg.Name(), file)
}

// chat reads one chat object; at the root it also finds the chat lists of
// a full-account export.
func (p *tgParser) chat(path string, root bool) error {
	c := tgChat{path: path}
	return walkObject(p.dec, func(key string) error {
		if err := p.ctx.Err(); err != nil {
			return err
		}
		switch key {
		case "name":
			var s *string
			if err := p.dec.Decode(&s); err != nil {
				return err
			}
			if s != nil {
				c.Name = *s
			}
			return nil
		case "type":
			return p.dec.Decode(&c.Type)
		case "id":
			var id flexInt
			if err := p.dec.Decode(&id); err != nil {
				return err
			}
			c.ID = id.N
			return nil
		case "messages":
			return p.messages(c)
		case "chats", "left_chats":
			if root {
				return p.chatList(key)
			}
		}
		return skipValue(p.dec)
	})
}

// chatList reads {"about": …, "list": [chat, …]}.
func (p *tgParser) chatList(key string) error {
	p.full = true
	return walkObject(p.dec, func(k string) error {
		if k != "list" {
			return skipValue(p.dec)
		}
		return walkArray(p.dec, func(i int) error {
			return p.chat(fmt.Sprintf("%s.list[%d].", key, i), false)
		})
	})
}

// messages reads a chat's message array: posts for a channel, discussion
// replies for a group, nothing for any other chat.
func (p *tgParser) messages(c tgChat) error {
	if !c.isChannel() && !c.isGroup() {
		return skipValue(p.dec)
	}
	return walkArray(p.dec, func(i int) error {
		var m tgMessage
		err := p.dec.Decode(&m)
		p.n++
		at := fmt.Sprintf("%smessages[%d]", c.path, i)
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			// The value was read whole; only its shape was wrong.
			if !p.t.fail(p.n, badValue(p.file, p.n, "telegram message", p.n, at+"."+te.Field, te.Value)) {
				return errStop
			}
			return nil
		}
		if err != nil {
			return err
		}
		var ok bool
		if c.isChannel() {
			ok = p.post(c, &m, at)
		} else {
			ok = p.disc.groupMessage(p, c, &m, p.n, at)
		}
		if !ok {
			return errStop
		}
		return nil
	})
}
