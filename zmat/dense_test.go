package zmat

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDenseBasics(t *testing.T) {
	_, err := New(0, 3)
	require.ErrorIs(t, err, ErrShape)
	_, err = FromSlice(2, 2, []complex128{1, 2, 3})
	require.ErrorIs(t, err, ErrShape)
	require.ErrorContains(t, err, "needs 4 values, got 3")
	_, err = Identity(0)
	require.ErrorIs(t, err, ErrShape)

	data := []complex128{1, 2i, 3, 4 - 1i, 5, 6i}
	d, err := FromSlice(2, 3, data)
	require.NoError(t, err)
	data[0] = 100 // FromSlice copied
	v, err := d.At(1, 0)
	require.NoError(t, err)
	require.Equal(t, 4-1i, v)
	v, _ = d.At(0, 0)
	require.Equal(t, complex128(1), v)
	require.NoError(t, d.Set(0, 2, 7+7i))
	_, err = d.At(2, 0)
	require.ErrorIs(t, err, ErrIndex)
	require.ErrorIs(t, d.Set(0, -1, 0), ErrIndex)

	h, err := d.ConjTranspose()
	require.NoError(t, err)
	require.Equal(t, []complex128{1, 4 + 1i, -2i, 5, 7 - 7i, -6i}, h.Data)

	c, err := d.Copy()
	require.NoError(t, err)
	c.Data[0] = 9
	v, _ = d.At(0, 0)
	require.Equal(t, complex128(1), v, "Copy is deep")

	nrm, err := d.FrobeniusNorm()
	require.NoError(t, err)
	require.InDelta(t, math.Sqrt(1+4+98+17+25+36), nrm, 1e-14)
	tiny, _ := FromSlice(1, 2, []complex128{3e-300, 4e-300i})
	nrm, _ = tiny.FrobeniusNorm()
	require.InDelta(t, 5e-300, nrm, 1e-314)

	id, err := Identity(3)
	require.NoError(t, err)
	require.Equal(t, []complex128{1, 0, 0, 0, 1, 0, 0, 0, 1}, id.Data)
}

func TestDenseSliceAndRow(t *testing.T) {
	d, _ := FromSlice(3, 4, []complex128{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	v, err := d.Slice(1, 3, 1, 3)
	require.NoError(t, err)
	require.Equal(t, 2, v.Rows)
	got, _ := v.At(1, 1)
	require.Equal(t, complex128(10), got)
	require.NoError(t, v.Set(0, 0, -1))
	got, _ = d.At(1, 1)
	require.Equal(t, complex128(-1), got, "views share storage")
	_, err = d.Slice(0, 4, 0, 1)
	require.ErrorIs(t, err, ErrIndex)
	_, err = d.Slice(1, 1, 0, 1)
	require.ErrorIs(t, err, ErrIndex)
	row, err := v.Row(1)
	require.NoError(t, err)
	require.Equal(t, []complex128{9, 10}, row)

	h, err := v.ConjTranspose()
	require.NoError(t, err)
	require.Equal(t, []complex128{-1, 9, 6, 10}, h.Data)
	c, _ := v.Copy()
	require.Equal(t, 2, c.Stride)
	require.Equal(t, []complex128{-1, 6, 9, 10}, c.Data)

	bad := &Dense{Rows: 2, Cols: 3, Stride: 2, Data: make([]complex128, 6)}
	_, err = bad.Copy()
	require.ErrorIs(t, err, ErrShape)
	require.ErrorContains(t, err, "stride 2 < 3")
}

func TestPlanarRoundTrip(t *testing.T) {
	d := randDense(t, 5, 7, newRNG(50))
	p, err := d.ToPlanar()
	require.NoError(t, err)
	require.Equal(t, real(d.Data[8]), p.Re[8])
	require.Equal(t, imag(d.Data[8]), p.Im[8])
	back, err := p.ToDense()
	require.NoError(t, err)
	require.Equal(t, d.Data, back.Data)
	_, err = NewPlanar(1, 0)
	require.ErrorIs(t, err, ErrShape)
	_, err = (&Planar{Rows: 2, Cols: 2, Stride: 2, Re: make([]float64, 4), Im: make([]float64, 3)}).ToDense()
	require.ErrorIs(t, err, ErrShape)
}
