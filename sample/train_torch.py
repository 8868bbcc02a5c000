"""Train a small classifier on random data with PyTorch 2."""
import torch
from torch import nn
import torch.nn.functional as F
from torch.utils.data import DataLoader, TensorDataset

device = "cuda" if torch.cuda.is_available() else "cpu"


class Classifier(nn.Module):
    def __init__(self, in_features: int = 784, classes: int = 10):
        super().__init__()
        self.hidden = nn.Linear(in_features, 128)
        self.out = nn.Linear(128, classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(F.relu(self.hidden(x)))


def train(epochs: int = 2) -> None:
    data = TensorDataset(torch.randn(512, 784), torch.randint(0, 10, (512,)))
    loader = DataLoader(data, batch_size=64, shuffle=True)
    model = Classifier().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(epochs):
        model.train()
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.inference_mode():
        print("prediction:", model(torch.randn(1, 784, device=device)).argmax(dim=1).item())


if __name__ == "__main__":
    train()
