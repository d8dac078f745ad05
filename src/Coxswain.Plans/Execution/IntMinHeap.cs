namespace Coxswain.Plans;

/// <summary>A binary min-heap of task indexes: the ready queue, so ready tasks start in insertion order.</summary>
internal sealed class IntMinHeap(int capacity)
{
    private int[] items = new int[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public void Push(int value)
    {
        if (Count == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (items[parent] <= value)
            {
                break;
            }

            items[i] = items[parent];
            i = parent;
        }

        items[i] = value;
    }

    public int Pop()
    {
        var top = items[0];
        var last = items[--Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && items[child + 1] < items[child])
            {
                child++;
            }

            if (items[child] >= last)
            {
                break;
            }

            items[i] = items[child];
            i = child;
        }

        if (Count > 0)
        {
            items[i] = last;
        }

        return top;
    }
}
