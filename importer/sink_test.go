package importer

import (
	"context"

	"kopuro"
)

// listSink is a Sink that validates like the store and keeps what it is
// given, for golden tests of parsers.
type listSink struct {
	Institutions []kopuro.Institution `json:"institutions,omitempty"`
	Accounts     []kopuro.Account     `json:"accounts,omitempty"`
	Snapshots    []memSnapshot        `json:"snapshots,omitempty"`
	Posts        []memPost            `json:"posts,omitempty"`
	Comments     []kopuro.Comment     `json:"comments,omitempty"`
}

type memSnapshot struct {
	Account  kopuro.AccountRef `json:"account"`
	Snapshot kopuro.Snapshot   `json:"snapshot"`
}

// memPost shows the account reference, which Post does not serialise.
type memPost struct {
	Account kopuro.AccountRef `json:"account"`
	Post    kopuro.Post       `json:"post"`
}

func (m *listSink) PutInstitution(_ context.Context, in kopuro.Institution) error {
	if err := in.Validate(); err != nil {
		return err
	}
	m.Institutions = append(m.Institutions, in)
	return nil
}

func (m *listSink) PutAccount(_ context.Context, a kopuro.Account) (int64, error) {
	if err := a.Validate(); err != nil {
		return 0, err
	}
	m.Accounts = append(m.Accounts, a)
	return int64(len(m.Accounts)), nil
}

func (m *listSink) PutSnapshot(_ context.Context, ref kopuro.AccountRef, s kopuro.Snapshot) error {
	if err := ref.Validate(); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	m.Snapshots = append(m.Snapshots, memSnapshot{ref, s})
	return nil
}

func (m *listSink) PutPost(_ context.Context, p kopuro.Post) error {
	if err := p.Validate(); err != nil {
		return err
	}
	m.Posts = append(m.Posts, memPost{p.Account, p})
	return nil
}

func (m *listSink) PutComment(_ context.Context, c kopuro.Comment) error {
	if err := c.Validate(); err != nil {
		return err
	}
	m.Comments = append(m.Comments, c)
	return nil
}
